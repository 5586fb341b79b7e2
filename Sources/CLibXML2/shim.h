/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers, whose UErrorCode clashes with
 * Foundation's own ICU (_FoundationICU) in any Swift module that sees both. Nothing here uses libxml2's ICU
 * converters (they only add two fields to xmlCharEncodingHandler, which Swift never touches), so the module is built
 * as if libxml2 had no ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as not concurrency-safe. */
static inline void shim_xmlFree(void *p) { xmlFree(p); }

/* Called when the parser meets <!DOCTYPE ...>: stop before any entity declaration is read. */
static void shim_refuseDoctype(void *ctx, const xmlChar *name, const xmlChar *ExternalID, const xmlChar *SystemID) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    (void)name; (void)ExternalID; (void)SystemID;
    /* Record the line in _private (as an integer) so the caller can name the place. */
    ctxt->_private = (void *)(long)(ctxt->input ? ctxt->input->line : 1);
    xmlStopParser(ctxt);
}

static inline void shim_installDoctypeGuard(xmlParserCtxtPtr ctxt) {
    ctxt->sax->internalSubset = shim_refuseDoctype;
}

static inline long shim_doctypeLine(xmlParserCtxtPtr ctxt) { return (long)ctxt->_private; }

/* XPath reports compile errors here instead of printing them to stderr; the caller raises its own error. */
static void shim_silentStructuredError(void *userData, xmlErrorPtr error) { (void)userData; (void)error; }
static inline void shim_silenceXPath(xmlXPathContextPtr ctxt) { ctxt->error = shim_silentStructuredError; }
