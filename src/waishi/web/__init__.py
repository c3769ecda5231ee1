"""The dashboard's HTML pages: Jinja2 templates (autoescaped) over the same store
functions and parameter classes as the JSON API; static CSS and JS served by the app."""
