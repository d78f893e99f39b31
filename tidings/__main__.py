from tidings.cli import cli

cli()
