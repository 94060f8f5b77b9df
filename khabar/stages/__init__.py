"""Pipeline stages, one module each. See ``khabar.registry`` for the order."""
