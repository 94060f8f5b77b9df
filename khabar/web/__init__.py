"""The web reader: server-rendered, right-to-left, offline pages over the corpus store."""
