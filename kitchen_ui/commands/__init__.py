"""One module per command line command; each adds its arguments and runs."""
