"""Network analysis of a geokg graph (networkx).

* :mod:`kg.analysis.graph`: RDF → ``MultiDiGraph`` (one edge per claim), claim aggregation, loading files;
* :mod:`kg.analysis.networks`: projections, signed network, centrality, communities, ego networks, paths;
* :mod:`kg.analysis.names`: finding an actor by any of its names (Arabic-normalised);
* :mod:`kg.analysis.report`: what ``kg stats`` and ``kg actor`` print.
"""
