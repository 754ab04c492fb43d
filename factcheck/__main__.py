from factcheck.cli.main import main

raise SystemExit(main())
