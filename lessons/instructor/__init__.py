"""Tools for instructors: a synthetic class to try the class-results view on."""
