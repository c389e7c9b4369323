from pcctrack.cli import main

raise SystemExit(main())
