vcl 4.1;

# The xkey vmod, from Debian's varnish-modules: responses are indexed by the keys in their
# xkey header, and one purge request removes every response naming any of the keys it lists.
import xkey;

# The caching proxy in front of the CMS: it keeps the public API's responses until the CMS
# purges them by key (every API response names the objects it was built from in its xkey
# header, cms/api/cache_tags.py; a change sends PURGE with an xkey header naming what changed,
# cms/api/purge.py), and passes everything else — the admin, previews — straight through.
#
#   varnishd -f deploy/varnish/default.vcl -a :8080 -p vcl_path=... (docker-compose: proxy)
#
# The backend is gunicorn; its address comes from the include below so that docker-compose and
# the native test can each point it at their own. purgers.vcl is written at start (purgers.sh).

# --- Uploaded media (/media/) ----------------------------------------------------------------
# Defined before the main subroutines below: Varnish runs same-named subroutines in order.
# Uploaded files are data, never pages of this site: browsers must not sniff another type, and
# anything but a raster image is a download, so an uploaded HTML or SVG file runs no script
# here (operations/media.py does the same in development). Documents are served only by the CMS's
# document view, which checks their collection's privacy: never as files under /media/.

sub vcl_recv {
    if (req.url ~ "^/media/documents/") {
        return (synth(404, "Documents are served at /documents/<id>/<filename>"));
    }
}

sub vcl_deliver {
    if (req.url ~ "^/media/") {
        set resp.http.X-Content-Type-Options = "nosniff";
        if (resp.http.Content-Type !~ "^image/(png|jpeg|gif|webp|avif)\s*(;|$)") {
            set resp.http.Content-Disposition = "attachment";
        }
    }
}

include "backend.vcl";

# Who may purge: the CMS's own processes only. purgers.sh writes this ACL from VARNISH_PURGERS
# when Varnish starts (loopback by default; docker-compose adds web, worker and scheduler):
# anything else that shares a network with the proxy, or reaches it through the TLS proxy in
# front, is refused.
include "purgers.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        # remote.ip, the address of the TCP connection itself: client.ip is whatever a PROXY
        # protocol header claims (the varnish image listens for one on port 8443).
        if (!remote.ip ~ purgers) {
            return (synth(403, "Purging is not allowed from " + remote.ip));
        }
        if (req.http.xkey) {
            # Keys separated by spaces; the answer says how many responses went.
            set req.http.X-Purged = xkey.purge(req.http.xkey);
            return (synth(200, "Purged " + req.http.X-Purged + " responses"));
        }
        return (purge);
    }
    if (req.url ~ "^/api/" && req.url !~ "^/api/v2/page_preview/") {
        if (req.method != "GET" && req.method != "HEAD") {
            return (pass);
        }
        # The public API is the same for everyone: cookies (an editor's session) do not
        # change it, and must not keep it out of the cache.
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    # The admin, previews, documents, redirects: never cached here.
    return (pass);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/api/" && (beresp.status == 200 || beresp.status == 302)
            && beresp.http.Cache-Control ~ "public") {
        # Browsers get the CMS's short max-age; this proxy keeps the response (a page, or
        # find/'s redirect to one) until a purge of one of its keys, for a day at most.
        set beresp.ttl = 1d;
        set beresp.grace = 10s;
    }
    if (bereq.url ~ "^/api/") {
        # What the CMS answers depends on the scheme the TLS proxy reports: the HTTPS redirect
        # for plain HTTP, absolute image URLs with their scheme. Kept apart as variants, which
        # one PURGE removes together. (The redirects themselves are Cache-Control: private,
        # operations/middleware.py, for every cache on the way; the built-in VCL stores none of them.)
        if (beresp.http.Vary) {
            set beresp.http.Vary = beresp.http.Vary + ", X-Forwarded-Proto";
        } else {
            set beresp.http.Vary = "X-Forwarded-Proto";
        }
    }
}

sub vcl_deliver {
    # The keys are this proxy's index; Surrogate-Key and Cache-Tag stay for a CDN in front.
    unset resp.http.xkey;
    # Shows whether a response came from this cache: handy when checking purges.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    # PURGE answers and refusals as JSON, like the API's own errors.
    set resp.http.Content-Type = "application/json";
    set resp.body = {"{"message": ""} + resp.reason + {"""} + "}";
    return (deliver);
}
