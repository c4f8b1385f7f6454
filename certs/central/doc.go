// Package central recreates the certificates of a Qlik Sense central node:
// the seven steps of flow B, as a plan computed first and then applied,
// journaled, so that a failure or a killed qscert leaves a machine whose
// state is known and can be finished or restored.
//
//  1. Preconditions: the central node (Host.cfg, Repository.exe, not a rim
//     node), elevated; the kind of root the site has.
//  2. Back up every certificate to delete (password-protected PFX files
//     with their keys and a sealed manifest, in certs/install's format, so
//     that `qscert restore` reads them) and a zip of Exported Certificates.
//  3. Stop the Qlik Sense services but the Repository Database, delete the
//     site's certificates (LocalMachine\Root, LocalMachine\My, and
//     QlikClient from the service account's CurrentUser\My), delete
//     Exported Certificates.
//  4. Run Repository.exe -bootstrap -iscentral -restorehostname as the
//     service account, its output streamed to the log; when it stays on
//     "Entering main startup phase" start the Service Dispatcher.
//  5. Verify exactly one root, one server certificate and one QlikClient.
//  6. Start the services in dependency order.
//  7. List what needs a new export: the rim nodes (from the QRS, called
//     with the new client certificate) and the third-party machines (the
//     old Exported Certificates folders); redistribute and export on
//     request.
//
// The machine is reached through small interfaces (Host, Services, the
// machine's store.Store, the service account's store and processes
// through an accounts.Runner, Files, Mark, the QRS), each with a Windows
// implementation (OpenWindows) and a simulated one (centraltest), so the
// whole procedure runs in tests and in training against a simulated node.
//
// Recovery. The procedure writes a journal (recreate.jsonl) next to its
// backup and marks itself pending (Mark) before its first change. Each
// step is written so that doing it again is harmless: stopping stopped
// services, deleting what is already gone, starting running services. So
// "go on" after a kill or a failure re-runs the step that was under way;
// a bootstrap that was under way is never trusted, and the procedure goes
// back to step 3 for a clean attempt. "Restore" stops the services, puts
// the backed-up certificates and Exported Certificates back, removes the
// repository's new ones (install.RecordAdded, install.PlanRestore) and
// starts the services again.
//
// How a front end walks it (the command line does; the wizard's flow B
// will): Unfinished first (a stopped procedure offers Resume or
// Restore); then Prepare, on a background job (it runs the account's
// sub-command), whose Plan is shown: Facts, Account, Findings (an error
// blocks; the kind of root is an info), Deletions, Exported, ToStop,
// ToStart, Bootstrap. The service account's password is asked when the
// plan has service-account-password-needed, then Prepare runs again; the
// backup password is asked twice (SetBackupPassword); Run goes on a job,
// and Options.OnEvent feeds the progress (EventStep moves to the next of
// the seven steps, EventOutput is the bootstrap's output). A stopped run
// returns recreate-stopped and Result.Stopped: offer Resume (after
// duplicates, "redo from step 3") and Restore. Step 7's Result.Next
// offers Redistribute (show each password once) and Export (ask the
// exports' password and format).
package central
