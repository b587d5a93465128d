"""`python -m bench`, which `make bench` runs; see `bench.run` for the options."""

from bench.run import main

raise SystemExit(main())
