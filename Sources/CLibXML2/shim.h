// The parts of libxml2 the workbench uses: parsing documents and validating them against an XSD.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy Foundation carries. Nothing
// here touches the ICU converter fields, which are all these headers would declare with it, so
// they are left out. (xmlversion.h has an include guard: the later headers see the #undef.)
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

// `xmlFree` is a global function pointer, which Swift 6 refuses as shared mutable state.
static inline void arcadia_xml_free(void *pointer) { xmlFree(pointer); }
