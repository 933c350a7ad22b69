package web

import "net/http"

// actions registers the state-changing routes (corrections, accept),
// which go through the review API of package store.
func (s *Server) actions(m *http.ServeMux) {}
