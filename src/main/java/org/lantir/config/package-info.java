/**
 * The configuration file: the Python tool's JSON, read and written by
 * {@link org.lantir.config.ConfigLoader} into the immutable
 * {@link org.lantir.config.LantirConfig}. Defaults live in
 * {@link org.lantir.config.ConfigDefaults}.
 *
 * <h2>Keys</h2>
 * <pre>
 * db_path                 worklist database; ~ expands; relative to the file's folder
 * users_db_path           REST API user database (same path rules)
 * db_echo                 kept for the Python tool (true/false, "True"/"False", "0"/"1")
 * allowed_aet             calling AE titles allowed to associate; [] allows all
 * protocol                "NAME" or {"SITE_ID": "NAME", ...}; used by sources without one
 * api                     cors_allowed_origins [], cors_allow_credentials false,
 *                         cors_allow_methods [GET, POST, PUT, DELETE, OPTIONS],
 *                         cors_allow_headers ["*"]
 * data_sources[]          name (default: the type), type (redcap | calpendo | csv_folder |
 *                         wl_folder),
 *                         enabled (true), sync_interval (60 s, 1-86400),
 *                         operation_interval {"start_time": [h, m], "end_time": [h, m]}
 *                         (default 00:00-23:59, both ends inclusive, may cross midnight),
 *                         config {...}, field_mapping {...}, window_mode, daily_window
 *                         (Calpendo's; see below)
 *   config (redcap)       site_id, protocol (as above), api_url, api_token, api_token_env
 *                         (name of the variable holding the token), server_timezone
 *                         (REDCap's zone; default this machine's), repeat_instrument ("mri"),
 *                         patient_id_template
 *                         ("sub_{study}_ses_{session}_fam_{family}_site_{site}"),
 *                         patient_name_template ("cpip-id-{study}^fa-{family}"),
 *                         placeholders {study} {family} {session} {site} {record}
 *                         {instance} {redcap:FIELD}; modality ("MR"),
 *                         station_ae_title, station_name, protocol_coding_scheme ("99LANTIR"),
 *                         connect_timeout_seconds (10), read_timeout_seconds (60)
 *   field_mapping (redcap) REDCap field → worklist field: study_id, family_id, session_id,
 *                         scheduled_start_date, scheduled_start_time, patient_birth_date,
 *                         patient_sex, patient_weight_lb, patient_weight_kg,
 *                         referring_physician_name, performing_physician, station_name,
 *                         scheduled_station_aetitle, accession_number, study_instance_uid,
 *                         study_description, procedure_description, protocol_name, modality,
 *                         patient_id, patient_name, patient_comments,
 *                         requested_procedure_comments, sps_comments (LT, at most 10240
 *                         characters: a longer value skips its row; no field by default)
 *   config (calpendo)     base_url (https://, or http:// on loopback only), username,
 *                         password, password_env (else CALPENDO_API_URL, CALPENDO_USERNAME,
 *                         CALPENDO_PASSWORD), resources [..] (required), status_filter
 *                         ("Approved", or a list; never Cancelled or Denied), timezone
 *                         ("America/Edmonton"), window_mode ("rolling" | "today"),
 *                         daily_window (true: today), lookback_multiplier (2 sync intervals),
 *                         lookahead_days (1), resource_modality_mapping {"3T": "MR"} (exact,
 *                         then longest prefix; else OT), allowed_studies [..] (all),
 *                         field_mapping (as below), on_pattern_mismatch ("skip" |
 *                         "use_raw_value"), patient_name_order ("given_family" |
 *                         "family_given"), station_ae_title, operator_booking_type
 *                         ("MRIScan"; "" asks for no operator), operator_property
 *                         ("Operator"), max_parallel_requests (4, 1-16),
 *                         connect_timeout_seconds (10), read_timeout_seconds (30)
 *   field_mapping (calpendo) worklist field → booking path ("id",
 *                         "properties.project.formattedName") or {"source_field": PATH,
 *                         "_extract": {"pattern": REGEX, "group": N or NAME}}; in config or
 *                         beside it (that one wins); targets: patient_id (required),
 *                         patient_name, study_description, accession_number,
 *                         study_instance_uid, modality, referring_physician_name,
 *                         performing_physician, station_name, scheduled_station_aetitle,
 *                         procedure_description, protocol_name, patient_comments,
 *                         requested_procedure_comments, sps_comments; the Python tool's
 *                         performed_procedure_step_status, scheduled_start_date,
 *                         scheduled_start_time, scheduled_procedure_step_duration are
 *                         accepted and unused; an invalid pattern fails the load
 *   config (csv_folder)   path (required: the folder, absolute or ~/...), glob ("*.csv";
 *                         names starting with "." are never read), settle_seconds (2, 0-3600:
 *                         a file changed more recently is read at a later run), encoding
 *                         ("UTF-8"), delimiter (","; one character, or "tab"), modality and
 *                         station_ae_title (for rows whose file names none), station_name,
 *                         protocol_coding_scheme ("99LANTIR"). The header row names the
 *                         columns: patient_id, patient_name, scheduled_start_date,
 *                         scheduled_start_time (required), modality (required unless
 *                         config.modality), patient_birth_date, patient_sex,
 *                         patient_weight_kg, patient_weight_lb, accession_number,
 *                         referring_physician_name, performing_physician, station_name,
 *                         scheduled_station_aetitle, study_instance_uid, procedure_description,
 *                         study_description, sps_description, protocol_name, patient_comments,
 *                         requested_procedure_comments, sps_comments, source_key,
 *                         requested_procedure_id, sps_id
 *   config (wl_folder)    path (required, as above), glob ("*.wl"), settle_seconds (2),
 *                         default_character_set (for files that declare none, e.g.
 *                         "ISO_IR 100"; default ASCII), modality and station_ae_title (for
 *                         steps that name none)
 * lantir.server           ae_title (MWL_SERVER), bind_address (0.0.0.0), port (4242),
 *                         max_associations (64), idle_timeout_seconds (300),
 *                         max_pdu_length (65536), visible_statuses [SCHEDULED, IN_PROGRESS],
 *                         person_name_case_insensitive (true),
 *                         calling_ae_default_charsets {"AE": "ISO_IR 100"},
 *                         max_answers (0: no limit), calling_ae_as_station [AE, ...],
 *                         unassigned_station ("any" | "hidden"; default "any": rows without
 *                         a station are scheduled for whichever station asks)
 * lantir.uid_root         "2.25" (PS3.5 B.2); never under 1.2.840.10008
 * lantir.sync             overlap_seconds (300), retry_initial_seconds (15),
 *                         retry_max_seconds (600)
 * lantir.desktop          close_action ("stop": closing the window stops the server and the
 *                         sync, the default | "ask": closing asks whether to keep serving in
 *                         the background)
 * </pre>
 *
 * <p>Legacy flat files ({@code site}, {@code redcap2wl}, {@code db_update_interval},
 * top-level {@code operation_interval}, with no or an empty {@code data_sources}) are read as
 * one REDCap source named {@code redcap_legacy}, with one WARN line. Keys starting with
 * {@code _} are comments. Other unknown keys are reported with a WARN line naming their path,
 * and kept when the file is saved (at the top level, in {@code api}, in a data source and its
 * {@code config}, and in every {@code lantir} section).
 */
package org.lantir.config;
