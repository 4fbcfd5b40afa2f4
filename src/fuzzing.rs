//! Entry points for the fuzz targets in `fuzz/`: each feeds outside input to
//! one parser. Nothing else uses this module; it is the library's only public
//! surface besides `run`.
