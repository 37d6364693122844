"""RDF side of geokg: namespaces, graph writing, validation and exports."""
