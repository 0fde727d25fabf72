#ifndef FOREWARN_CCURL_SHIM_H
#define FOREWARN_CCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them directly.
   These typed wrappers are the whole bridge. */
static inline CURLcode fw_curl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fw_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fw_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fw_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fw_curl_easy_setopt_write_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f);
}
static inline CURLcode fw_curl_easy_setopt_header_function(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f);
}
static inline CURLcode fw_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fw_curl_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fw_curl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLMcode fw_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* Debian's libcurl links libssh2, and curl_global_init initialises it, which initialises OpenSSL's libcrypto
   (algorithms, configuration): ~1.5 MiB resident for the daemon's whole life, for a protocol forewarn never
   enables (every transfer sets CURLOPT_PROTOCOLS_STR to "http,https"). libssh2 counts its initialisations and
   only the first one initialises the crypto library, so initialising it first with LIBSSH2_INIT_NO_CRYPTO (1)
   makes curl's own call cost nothing. Looked up, not linked: a libcurl built without libssh2 needs nothing. */
static inline void fw_libssh2_init_without_crypto(void) {
    int (*init)(int) = (int (*)(int))dlsym(NULL /* RTLD_DEFAULT */, "libssh2_init");
    if (init != NULL) init(1 /* LIBSSH2_INIT_NO_CRYPTO */);
}

/* The TLS library libcurl was built with, e.g. "GnuTLS/3.7.9" (NULL without TLS). */
static inline const char *fw_curl_ssl_version(void) { return curl_version_info(CURLVERSION_NOW)->ssl_version; }
#endif
