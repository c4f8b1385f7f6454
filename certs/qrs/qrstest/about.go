package qrstest

// AboutJSON is what /qrs/about answers: the shape of a real QRS reply.
// buildDate is a constant in real replies too.
const AboutJSON = `{"buildVersion":"14.173.4","buildDate":"9/20/2013 10:09:00 AM","databaseProvider":"Devart.Data.PostgreSql","nodeType":1,"sharedPersistence":true,"requiresBootstrap":false,"singleNodeOnly":false,"schemaPath":"About"}`

// EngineHealthJSON is what /engine/healthcheck answers.
const EngineHealthJSON = `{"version":"12.1477.0","started":"20260101T080000.000+0000","mem":{"committed":512.5,"allocated":600.1,"free":7000.2},"cpu":{"total":1},"session":{"active":0,"total":0},"apps":{"active_docs":[],"in_memory_docs":[],"loaded_docs":[],"calls":12,"selections":0},"users":{"active":0,"total":0},"cache":{"hits":0,"lookups":0,"added":0,"replaced":0,"bytes_added":0},"saturated":false}`

// notQRSPage is what another web server on the port might answer.
const notQRSPage = `<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>`

// xsrfFailed is the QRS's answer to a missing or mismatched xrfkey.
const xsrfFailed = "XSRF prevention check failed. Possible XSRF discovered."
