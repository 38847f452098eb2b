"""The printed summary for the council: print templates -> WeasyPrint -> tagged A4 PDF.

Engine-free (no MkDocs). Stages, each its own module:

* ``edition``: which editions there are (the region, and one per municipality of a joint plan)
  and what each shows first: the municipality's own figures and local priorities;
* ``render``: the print templates (``templates/print/``) rendered to one HTML document per
  edition, with the site's charts inlined as SVG;
* ``cache``: the HTML (which holds every input: text, data, charts, CSS) is hashed with the
  WeasyPrint version; a PDF with that key in the store is reused, the rest are made in
  parallel with fixed dates and ids, so the same input gives the same bytes.
"""

from ivpgen.pdf.cache import Job, PdfFile, PdfReport, pdfs
from ivpgen.pdf.edition import Edition, editions
from ivpgen.pdf.render import PrintContext, render_html

__all__ = ["Edition", "Job", "PdfFile", "PdfReport", "PrintContext", "editions", "pdfs",
           "render_html"]
