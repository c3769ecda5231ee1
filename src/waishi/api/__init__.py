"""The JSON API over the store: the app's context and errors (deps), one parameter class
(models) and one view (views) per resource, the routes under /api. The HTML pages (web/)
call the same views; ``waishi.server.create_app`` assembles both:

    from waishi.server import create_app
    app = create_app("vn.db")        # read-only; serve with uvicorn on 127.0.0.1

docs/api.md lists the endpoints and pages.
"""
