from factcheck.cli.main import entry

entry()
