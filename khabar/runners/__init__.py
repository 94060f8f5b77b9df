"""Runners: the same pipeline over many articles, on this machine (``local``) or a Spark cluster
(``spark``)."""
