"""Builds beyond one process (issue 19): extraction on Dask, incremental builds over a
manifest, a SPARQL server over the store and pushing a build to any SPARQL 1.1 store.

Kept apart from :mod:`kg.build` so the default embedded build (``make run``) imports none
of Dask; everything here reuses the single-process functions for what the graph says."""
