package qrstest

import (
	"net/http"
	"strings"
)

// handler answers like the QRS (and, on the same port for tests, like the
// Engine's health check) unless a switch says otherwise.
func (s *Server) handler(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	o := s.opts
	if o.StripXrfkeyHeader {
		r.Header.Del("X-Qlik-Xrfkey")
	}
	switch {
	case o.CloseAfterHandshake:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		http.Error(w, "", http.StatusInternalServerError)
		return
	case o.RespondStatus != 0:
		http.Error(w, http.StatusText(o.RespondStatus), o.RespondStatus)
		return
	case o.RespondNotQRS:
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(notQRSPage))
		return
	case o.Respond401:
		w.Header().Add("WWW-Authenticate", "Negotiate")
		w.Header().Add("WWW-Authenticate", "NTLM")
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	if !validXrfkey(r) {
		http.Error(w, xsrfFailed, http.StatusBadRequest)
		return
	}
	if r.Header.Get("X-Qlik-User") == "" || o.Respond403 {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case "/qrs/about":
		writeJSON(w, AboutJSON)
	case "/engine/healthcheck":
		writeJSON(w, EngineHealthJSON)
	default:
		if !s.serveCentral(w, r) { // central.go: the central node's API, when Options.Central is set
			http.NotFound(w, r)
		}
	}
}

// validXrfkey applies Qlik's rule: 16 characters of [0-9a-zA-Z], the same
// in the query and in X-Qlik-Xrfkey.
func validXrfkey(r *http.Request) bool {
	q := r.URL.Query().Get("xrfkey")
	h := r.Header.Get("X-Qlik-Xrfkey")
	if len(q) != 16 || q != h {
		return false
	}
	return strings.Trim(q, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func writeJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write([]byte(body))
}
