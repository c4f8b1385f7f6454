package qrs

import (
	"encoding/json"
	"strings"
)

// About is the part of the QRS's /qrs/about reply that a support engineer
// asks for.
type About struct {
	BuildVersion      string `json:"buildVersion"`
	BuildDate         string `json:"buildDate"`
	DatabaseProvider  string `json:"databaseProvider,omitempty"`
	NodeType          int    `json:"nodeType"`
	SharedPersistence bool   `json:"sharedPersistence"`
	RequiresBootstrap bool   `json:"requiresBootstrap"`
	SingleNodeOnly    bool   `json:"singleNodeOnly"`
	SchemaPath        string `json:"schemaPath,omitempty"`
}

// parseAbout reads a /qrs/about reply. ok is false when the body is not
// that: not JSON, or JSON without a build version (another web service
// answering on the port, a proxy's page...).
func parseAbout(body []byte) (*About, bool) {
	var a About
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, false
	}
	if strings.TrimSpace(a.BuildVersion) == "" {
		return nil, false
	}
	return &a, true
}

// EngineHealth is the part of the Engine's /engine/healthcheck reply shown
// to the user.
type EngineHealth struct {
	Version   string `json:"version"`
	Started   string `json:"started,omitempty"`
	Saturated bool   `json:"saturated"`
}

// parseEngineHealth reads a /engine/healthcheck reply; ok is false when it
// is not one.
func parseEngineHealth(body []byte) (*EngineHealth, bool) {
	var h EngineHealth
	if err := json.Unmarshal(body, &h); err != nil {
		return nil, false
	}
	if strings.TrimSpace(h.Version) == "" {
		return nil, false
	}
	return &h, true
}
