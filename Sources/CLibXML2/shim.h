#include <libxml/xmlversion.h>

// Debian builds libxml2 with ICU, and its encoding header then includes ICU's headers, whose
// types clash with the copy of ICU inside Foundation. Nothing here uses libxml2's ICU
// converters, which only change the layout of xmlCharEncodingHandler, a type this package
// reaches only through pointers.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
