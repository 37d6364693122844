"""Views of a geokg graph.

* :mod:`kg.views.model`: what a view shows (filters, pruning, layout, styles, tooltips);
* :mod:`kg.views.html`: the offline interactive page (pyvis network, vis-network inlined);
* :mod:`kg.views.png`: the same view as a static PNG (matplotlib).
"""
