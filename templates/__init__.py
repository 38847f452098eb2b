"""The ivpgen theme: site templates, print templates (print/) and CSS, as an MkDocs theme.

This folder is installed as the package ``ivpgen.theme`` (see pyproject.toml) and registered
under the ``mkdocs.themes`` entry point, so a plan's mkdocs.yml needs only
``theme: {name: ivpgen}``. A plan's ``custom_dir`` overrides single files, print ones included.
"""
