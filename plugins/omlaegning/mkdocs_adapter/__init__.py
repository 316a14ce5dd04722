"""The only place that knows MkDocs: it hands the rendered pages to MkDocs 1.6."""
