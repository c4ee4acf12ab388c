"""The implementations of the CLI commands, one module per command; ingest/cli.py parses."""
