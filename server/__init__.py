"""The process around the API: settings, the Starlette app, and the `towngraph` CLI."""
