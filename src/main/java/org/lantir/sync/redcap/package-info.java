/**
 * REDCap as a data source: {@link org.lantir.sync.redcap.RedcapClient} speaks the REDCap API
 * (form POSTs over HTTPS, JSON answers), {@link org.lantir.sync.redcap.RedcapSource} turns a
 * project's records into worklist rows by the Python tool's conventions. API behaviour
 * follows {@code shared/reference/redcap-api.md}.
 */
package org.lantir.sync.redcap;
