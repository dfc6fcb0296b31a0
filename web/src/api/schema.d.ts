/**
 * Generated from the OpenAPI document by scripts/generate-api-types.ts — do not edit.
 * Change the route schemas in server/routes instead; `npm test` and `npm run build:web` regenerate it.
 */

export type paths = {
    "/api/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one piece of evidence (PDF, JPEG or PNG, at most 10 MB; the type is checked by content) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The original file name, URL-encoded (display only); longer than 1,000 characters: 422 */
                    "X-Filename"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Larger than 10 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a PDF, JPEG or PNG by its content (field "file"), or X-Filename longer than 1,000 characters (field "X-Filename") */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many uploads from this client or address, or the daily upload quota (per client, per address, overall) is used up */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseNumber}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A document of a case (PDF), for the holder of its status token (in the body) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNumber: string;
                    documentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The status token (from the fragment of the status link) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description PDF document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
                /** @description No such case or document, or the token does not open it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseNumber}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The status page of a case (its secret token in the body) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNumber: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The status token (from the fragment of the status link) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Case status, steps and documents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseStatus"];
                    };
                };
                /** @description No such case, or the token does not open it (wrong, replaced or expired) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseNumber}/status-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the status link (the citizen revokes it): every earlier link stops working; answers the new one once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNumber: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The status token (from the fragment of the status link) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description The new link */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatusLinkReplaced"];
                    };
                };
                /** @description No such case, or the token does not open it (wrong, replaced or expired) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dog-tax/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hundesteuer cases for staff, newest first, a page at a time (e.g. ?status=awaiting_decision) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: string;
                    procedure?: components["schemas"]["DogTaxProcedure"];
                    status?: components["schemas"]["DogTaxStatus"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cases with their submissions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DogTaxCase"][];
                            /** @description Fetches the next page (null: the last page) */
                            nextCursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fine-proceedings/current/hearing-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the hearing (Anhörung, § 55 OWiG) online */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The form version the submission was rendered from (GET /api/forms/{formId} answers it as "version"); absent: the newest */
                    "Form-Version"?: number;
                    /** @description Optional, chosen once per request (e.g. a UUID): the same request sent again with the same key gets the first answer and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        driver?: {
                            city: string;
                            name: string;
                            postalCode: string;
                            street: string;
                        };
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        facts: "admits" | "denies" | "other_driver" | "no_statement";
                        licence?: {
                            authority?: string;
                            /** Format: date */
                            issuedOn?: string;
                            number?: string;
                        };
                        person: {
                            /** Format: date */
                            birthDate: string;
                            city: string;
                            familyName: string;
                            givenName: string;
                            postalCode: string;
                            street: string;
                        };
                        reasons?: string;
                    } & (unknown & unknown & unknown & unknown);
                };
            };
            responses: {
                /** @description Answer accepted: the ticket view (status decision_pending) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenTicket"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The portal session was opened with the card's ticket code: this needs the hearing letter's access code (error code letter_code_required) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The hearing is not open, or was already answered */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fine-proceedings/current/notice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Bußgeldbescheid or Kostenbescheid (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The portal session was opened with the card's ticket code: this needs the hearing letter's access code (error code letter_code_required) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every form, newest published version, with its number of versions and audience */
        get: {
            parameters: {
                query?: {
                    audience?: components["schemas"]["FormAudience"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Forms (?audience=citizen: what the portal lists) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FormSummary"][];
                        };
                    };
                };
                /** @description Unknown audience */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest published version of a form: JSON Schema (draft-07), uiSchema, texts, version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Form definition; submit with header Form-Version = its version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FormDefinition"];
                    };
                };
                /** @description No such form or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a draft (meta-schema, input contract, texts) and diff it against the newest version; publishes nothing */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action?: components["schemas"]["FormAction"];
                        audience?: components["schemas"]["FormAudience"];
                        /** @description Why this version (publish only) */
                        note?: string;
                        procedure?: string;
                        /** @description JSON Schema draft-07, type object */
                        schema: Record<string, unknown>;
                        /** @description { de, en }: title, description?, submit, fields: { <property>: { title, description?, enumNames? } }, steps?: { <step id>: title } */
                        texts: Record<string, unknown>;
                        /** @description react-jsonschema-form uiSchema; optional top-level "ui:steps": [{ id, fields: [<top-level property>] }] for a multi-step form */
                        uiSchema: Record<string, unknown>;
                    };
                };
            };
            responses: {
                /** @description Problems (empty: publishable) and changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FormCheck"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save a partly filled form; the resume link (valid 7 days) is sent by e-mail */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The partial form data (not validated against the form, so any members; at most 256 KB). Stored encrypted */
                        data: Record<string, unknown>;
                        /**
                         * Format: email
                         * @description Where the resume link is sent; not stored with the draft
                         */
                        email: string;
                        /** @description The version the portal rendered (resumed with exactly that version) */
                        formVersion: number;
                    };
                };
            };
            responses: {
                /** @description Draft saved; the link is on its way */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DraftSaved"];
                    };
                };
                /** @description No such form or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The draft is larger than 256 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many drafts from this client or address, or this e-mail address has had its mails for today */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/drafts/{draftId}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete a saved draft: its link stops working (the portal does after the form was submitted, or when the citizen discards it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    draftId: string;
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Why (kept in the workflow's outcome)
                         * @default discarded
                         * @enum {string}
                         */
                        reason?: "submitted" | "discarded";
                        /** @description The token from the resume link (its fragment) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such draft, the token does not open it, or it expired or was deleted */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/drafts/{draftId}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a saved draft (with the token from its e-mail, in the body) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    draftId: string;
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token from the resume link (its fragment) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description The draft: render its form version and prefill its data */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Draft"];
                    };
                };
                /** @description No such draft, the token does not open it, or it expired or was deleted */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a citizen form: starts its procedure and answers the case number and status link */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The form version the submission was rendered from (GET /api/forms/{formId} answers it as "version"); absent: the newest */
                    "Form-Version"?: number;
                    /** @description A repeated key returns the same case; the same key with other data answers 409 */
                    "Idempotency-Key": string;
                };
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
            responses: {
                /** @description Case opened (or the same case for a repeated key) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubmissionAccepted"];
                    };
                };
                /** @description No such form (or not a citizen form) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key reused with other data */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a form, newest first (who, when, why, restored from) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            formId: string;
                            items: components["schemas"]["FormVersionMeta"][];
                        };
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a draft as the new newest version (checked first) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    formId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action?: components["schemas"]["FormAction"];
                        audience?: components["schemas"]["FormAudience"];
                        /** @description Why this version (publish only) */
                        note?: string;
                        procedure?: string;
                        /** @description JSON Schema draft-07, type object */
                        schema: Record<string, unknown>;
                        /** @description { de, en }: title, description?, submit, fields: { <property>: { title, description?, enumNames? } }, steps?: { <step id>: title } */
                        texts: Record<string, unknown>;
                        /** @description react-jsonschema-form uiSchema; optional top-level "ui:steps": [{ id, fields: [<top-level property>] }] for a multi-step form */
                        uiSchema: Record<string, unknown>;
                    };
                };
            };
            responses: {
                /** @description The published version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FormVersion"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The draft fails its checks; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One exact version of a form (what a case was started with) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    formId: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Form definition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FormDefinition"];
                    };
                };
                /** @description No such form or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{formId}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an older version again, as the newest (checked against today's contract) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    formId: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The new version, a copy of the old one with restoredFrom */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FormVersion"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Up or down; signed in as an administrator: each dependency with its detail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All dependencies reachable: `{ status: "ok" }` (an administrator also gets `dependencies`) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A dependency is down: `{ status: "degraded" }` (an administrator also gets `dependencies` with the error text), within 2 s, with Retry-After */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The postal outbox: letters queued for printing and dispatch, newest first, a page at a time (the caller's departments' procedures) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Outbox items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OutboxItem"][];
                            nextCursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/{id}/document.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter of an outbox item (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tickets, newest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: string;
                    status?: components["schemas"]["TicketStatus"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tickets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffTicket"][];
                            nextCursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a parking ticket (header Idempotency-Key required) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The form version the submission was rendered from (GET /api/forms/{formId} answers it as "version"); absent: the newest */
                    "Form-Version"?: number;
                    /** @description A repeated key returns the same ticket */
                    "Idempotency-Key": string;
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Bemerkung */
                        note?: string;
                        /**
                         * Tatzeit
                         * Format: date-time
                         */
                        observedAt: string;
                        /** Tatbestand */
                        offenceCode: string & ("141312" | "141313" | "141322" | "112454" | "141174" | "141194" | "112216" | "142278" | "142284" | "112464" | "142252" | "113300" | "113140" | "113120" | "113121" | "113122" | "113123" | "113124");
                        /** Tatort */
                        place: string;
                        /** Kfz-Kennzeichen */
                        plate: string;
                    };
                };
            };
            responses: {
                /** @description Ticket recorded (or the same ticket for a repeated key); header Form-Version names the version validated against */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordedTicket"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key reused with other data */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/{ticketNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket with its audit trail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketNumber: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ticket */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffTicketWithAudit"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/{ticketNumber}/notice-card.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notice card (PDF) with the QR code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketNumber: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": unknown;
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/{ticketNumber}/withdrawal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the traffic department to withdraw a ticket (opens a parking-ticket.withdrawal task; before any notice) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Optional, chosen once per request (e.g. a UUID): the same request sent again with the same key gets the first answer and changes nothing twice */
                    "Idempotency-Key"?: string;
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    ticketNumber: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Task opened */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WithdrawalRequested"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Ticket closed or a request already being decided */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a ticket with a code (card: to pay; hearing letter: the whole case) and the vehicle plate (attempts limited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Ticket-Code oder Zugangscode
                         * @description The ticket code from the card (opens the ticket for paying) or the access code from the hearing letter (opens the whole case)
                         */
                        code: string;
                        /** Kfz-Kennzeichen */
                        plate: string;
                    };
                };
            };
            responses: {
                /** @description Portal token and ticket view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalAccess"];
                    };
                };
                /** @description Code and plate do not match */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/answer-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the case with the link mailed to whoever answered the hearing (token from the link fragment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketNumber: string;
                        /** @description From the link mailed to whoever answered the hearing (its fragment) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Portal token (access: case) and ticket view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalAccess"];
                    };
                };
                /** @description The link is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket the portal token opens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ticket view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenTicket"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without a role this route allows */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/current/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an online payment (card or PayPal) with the payment provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The ticket code, to return to the ticket page after paying */
                        code?: string;
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        method: "card" | "paypal";
                    };
                };
            };
            responses: {
                /** @description Where to send the browser */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckoutStarted"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already paid or closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/current/confirm-payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the return from the payment provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checkoutId: string;
                    };
                };
            };
            responses: {
                /** @description Updated ticket view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenTicket"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No checkout of this ticket with that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/current/letter-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the whole case from a session opened with the card: the hearing letter's access code (attempts limited per ticket and client) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Zugangscode
                         * @description The access code printed in the hearing letter
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description A new portal token (access: case) and the ticket view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalAccess"];
                    };
                };
                /** @description Not the letter code of this ticket */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without a role this route allows */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/current/objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to the ticket (e.g. a valid permit was displayed): the traffic department decides */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, chosen once per request (e.g. a UUID): the same request sent again with the same key gets the first answer and changes nothing twice */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Begründung */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Objection received */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            received: true;
                        };
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The portal session was opened with the card's ticket code: this needs the hearing letter's access code (error code letter_code_required) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Ticket closed or an objection already being decided */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parking-tickets/offences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The offence catalogue (Tatbestandskatalog excerpt) with legal amounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Offences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Webhook of the payment provider (signed; the provider adapter checks its own signature header) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All staff accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accounts by user name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Account"][];
                        };
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an account; the initial password is in the answer, once */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        departments: components["schemas"]["Department"][];
                        displayName: string;
                        /** Format: email */
                        email: string;
                        /** @description User name (stored lower case) */
                        id: string;
                        leadOf: components["schemas"]["Department"][];
                        roles: components["schemas"]["StaffRole"][];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountWithPassword"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description User name or e-mail address taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid fields */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an account (name, e-mail, roles, departments, leads, disabled) */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        departments: components["schemas"]["Department"][];
                        disabled: boolean;
                        displayName: string;
                        /** Format: email */
                        email: string;
                        leadOf: components["schemas"]["Department"][];
                        roles: components["schemas"]["StaffRole"][];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description E-mail address taken by another account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid, an admin removing their own admin role or disabling themselves, or the change would leave no active admin */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/accounts/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset the password; the new one is in the answer, once; sessions end */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountWithPassword"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/accounts/{id}/second-factor-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the TOTP second factor (lost device); sessions end, the person enrols again */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/accounts/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a name's sign-in lock (the daily ceiling and every address's delay) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlocked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an administrator, or the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/cases/{caseNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's documents and its full history (audit trail) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNumber: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The case with documents and history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffCase"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a case of your departments */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/cases/{caseNumber}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document or piece of evidence of a case, for staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNumber: string;
                    documentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document (PDF) or the evidence file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a case of your departments */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such document in this case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (other sessions end) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Current password wrong, or the new one breaks a rule */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many wrong guesses in a row: wait (Retry-After, growing with every further failure) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the second factor with the current code of the app; from then on sign-in asks for a code */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Set up */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No set-up begun */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The code is not right */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many wrong guesses in a row: wait (Retry-After, growing with every further failure) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/second-factor/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin setting up the TOTP second factor: a new secret and its QR code (replaces an unconfirmed one) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Scan the QR code (or type the secret) into an authenticator app, then confirm with a code */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecondFactorEnrolment"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A second factor is set up already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current staff session and its CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffSession"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without a role this route allows */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Sign in with user name and password (and the TOTP code, for an account with a second factor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The current 6-digit code of the authenticator app */
                        code?: string;
                        password: string;
                        userName: string;
                    };
                };
            };
            responses: {
                /** @description Signed in; session cookie set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffSession"];
                    };
                };
                /** @description User name or password wrong (one answer for both), the code wrong, or second_factor_required: the password was right, the code is missing */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description User name or password missing, empty or too long */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This name must wait at this address (5 failures in a row, then 1, 2, 4 … minutes), the name reached its daily ceiling (password-only sign-in locked for 24 h; administrators are alerted), or too many failures from this address (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out (ends the session on the server) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Signed in, but the X-CSRF-Token header is missing or wrong */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox: one's own tasks or a department queue, filtered, sorted by due date, paged */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    department?: string;
                    dueFrom?: string;
                    dueTo?: string;
                    limit?: string;
                    overdue?: "true" | "false";
                    procedure?: string;
                    queue?: "mine" | "department";
                    sort?: "dueAt" | "-dueAt";
                    status?: "open" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskPage"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task: case data, decision form (JSON Schema), state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Task */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{taskId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim an open task (two at once: one wins, the other gets 409) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Claimed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description task_claimed: someone else works on it; task_not_open: already completed or cancelled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{taskId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a task (validated against its decision schema; claims it first if unclaimed) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Optional, chosen once per request (e.g. a UUID): the same request sent again with the same key gets the first answer and changes nothing twice */
                    "Idempotency-Key"?: string;
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Fields of the task's decisionSchema, with outcome; validated against it (a field it does not name: 422) */
                        decision: Record<string, unknown>;
                    };
                };
            };
            responses: {
                /** @description Completed (the case workflow accepted it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDecided"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description task_claimed: someone else works on it; task_not_open: already completed or cancelled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{taskId}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a task to another caseworker of its department */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Account id (user name) */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Reassigned */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description task_claimed: someone else works on it; task_not_open: already completed or cancelled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{taskId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give one's own task back to the department queue */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed */
                    "X-CSRF-Token": string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Returned */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description task_claimed: someone else works on it; task_not_open: already completed or cancelled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/temporal-codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decode payloads for the Temporal CLI or Web UI (codec server protocol) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The namespace the payloads come from (sent by the Temporal UI and CLI) */
                    "X-Namespace"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemporalPayloads"];
                };
            };
            responses: {
                /** @description The payloads, decoded (those not encrypted by amtsweg unchanged) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemporalPayloads"];
                    };
                };
                /** @description Not signed in / no access */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Role not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid input; fields name the problems */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key). */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Account: {
            departments: components["schemas"]["Department"][];
            disabled: boolean;
            displayName: string;
            /** Format: email */
            email: string;
            id: string;
            leadOf: components["schemas"]["Department"][];
            /**
             * Format: date-time
             * @description Password-only sign-in locked: the name reached its daily ceiling of failed sign-ins
             */
            lockedUntil?: string;
            /** @description The password was issued by an administrator; its owner changes it at the next sign-in */
            mustChangePassword: boolean;
            roles: components["schemas"]["StaffRole"][];
            /** @description A TOTP second factor is set up */
            secondFactor: boolean;
        };
        AccountWithPassword: {
            account: components["schemas"]["Account"];
            /** @description Shown once; not stored in clear. */
            password: string;
        };
        Attachment: {
            /**
             * @description Detected from the content, not from the name
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            filename: string;
            /** @description Send it in the form field evidenceIds */
            id: string;
            sha256: string;
            size: number;
        };
        CaseStatus: {
            caseNumber: string;
            documents: {
                id: string;
                kind: string;
                title: components["schemas"]["LocalText"];
                /** @description POST the status token ({"token": …}) to this URL to download */
                url: string;
            }[];
            formId: string;
            formVersion: number;
            procedure: string;
            /** Format: date-time */
            receivedAt: string;
            /** @description The status of the case's procedure; statusText says it in words */
            status: string;
            statusText: components["schemas"]["LocalText"];
            steps: {
                action: string;
                /** Format: date-time */
                at: string;
                text: components["schemas"]["LocalText"];
            }[];
            title: components["schemas"]["LocalText"];
        };
        CheckoutStarted: {
            checkoutId: string;
            /** @description Where to send the browser */
            redirectUrl: string;
        };
        CitizenTicket: {
            /**
             * @description What this portal session may do: 'pay' (opened with the card's ticket code: see and pay), 'case' (opened with the hearing letter's code or the link sent to whoever answered: also answer the hearing, object, read notices)
             * @enum {string}
             */
            access: "pay" | "case";
            accusation: {
                evidence: components["schemas"]["LocalText"];
                legalBasis?: string;
                text?: string;
            };
            amountCents: number;
            /** @description The Verwarnungsgeld, or the total of an issued notice */
            amountDueCents: number;
            /** @description The online hearing (§ 55 OWiG) */
            hearing: {
                answered: boolean;
                /** Format: date-time */
                answeredAt?: string;
                /** Format: date-time */
                deadline?: string;
                open: boolean;
            };
            /** @description Bußgeldbescheid or Kostenbescheid, once issued */
            notice?: {
                /** Format: date-time */
                deadline: string;
                documentUrl: string;
                feeCents: number;
                fineCents: number;
                /** Format: date-time */
                issuedAt: string;
                /** @enum {string} */
                kind: "fine_notice" | "cost_notice";
                postageCents: number;
                totalCents: number;
            };
            /** Format: date-time */
            observedAt: string;
            offence: components["schemas"]["Offence"];
            /** @description What is left to pay (less than amountDueCents after a partial transfer) */
            outstandingCents: number;
            /** Format: date-time */
            paidAt?: string;
            payment: {
                beneficiaryName: string;
                bic?: string;
                /** @description EPC069-12 (GiroCode) payload */
                epcPayload: string;
                epcQrSvg: string;
                iban: string;
                /** @description ISO 11649 RF creditor reference, in groups of 4 */
                reference: string;
            };
            /** Format: date-time */
            paymentDeadline: string;
            /**
             * @description Only in the answer to confirm-payment: 'refunding' when the payment reached a case that was already closed (paid by transfer, withdrawn) and is refunded in full
             * @enum {string}
             */
            paymentOutcome?: "refunding";
            place: string;
            plate: string;
            status: components["schemas"]["TicketStatus"];
            ticketNumber: string;
        };
        /** @enum {string} */
        Department: "traffic" | "fine-office" | "tax-office" | "citizens-office";
        DogTaxCase: {
            caseNumber: string;
            decision?: Record<string, unknown>;
            formId: string;
            formVersion: number;
            procedure: components["schemas"]["DogTaxProcedure"];
            /** Format: date-time */
            receivedAt: string;
            registrationCaseNumber?: string;
            status: components["schemas"]["DogTaxStatus"];
            submission: Record<string, unknown>;
            tagNumber?: string;
        };
        /** @enum {string} */
        DogTaxProcedure: "dog-tax-registration" | "dog-tax-deregistration" | "dog-tax-exemption";
        /** @enum {string} */
        DogTaxStatus: "received" | "registered" | "rejected_not_resident" | "deregistered" | "rejected_unknown_tag" | "rejected_already_deregistered" | "awaiting_decision" | "granted" | "reduced" | "rejected";
        Draft: {
            data: Record<string, unknown>;
            /** Format: date-time */
            expiresAt: string;
            formId: string;
            formVersion: number;
        };
        DraftSaved: {
            draftId: string;
            /** Format: date-time */
            expiresAt: string;
        };
        Error: {
            error: {
                code: string;
                /** @description Only on 500 internal: the id under which the server logged the error; the message names it too, for the citizen to quote */
                errorId?: string;
                fields?: components["schemas"]["FieldError"][];
                /** @description Safe to show; German or English after Accept-Language */
                message: string;
                retryAfterSeconds?: number;
            };
        };
        FieldError: {
            field: string;
            message: string;
        };
        FormAction: {
            /** @enum {string} */
            kind: "start" | "signal" | "update";
            name: string;
        };
        /**
         * @description Who fills the form; the portal lists only citizen forms (absent: citizen)
         * @enum {string}
         */
        FormAudience: "citizen" | "staff";
        FormChange: {
            /** @enum {string} */
            kind: "added" | "removed" | "changed";
            message: string;
            path: string;
        };
        FormCheck: {
            /** @description The published version the diff compares with */
            against: number | null;
            diff: components["schemas"]["FormChange"][];
            formId: string;
            /** @description What keeps the draft from being published */
            problems: components["schemas"]["FieldError"][];
            publishable: boolean;
        };
        FormDefinition: {
            action: components["schemas"]["FormAction"];
            audience: components["schemas"]["FormAudience"];
            id: string;
            procedure: string;
            /** Format: date-time */
            publishedAt: string;
            /** @description JSON Schema draft-07 */
            schema: Record<string, unknown>;
            texts: {
                de: components["schemas"]["FormTexts"];
                en: components["schemas"]["FormTexts"];
            };
            uiSchema: Record<string, unknown>;
            version: number;
        };
        FormSummary: {
            action: components["schemas"]["FormAction"];
            audience: components["schemas"]["FormAudience"];
            description: components["schemas"]["LocalText"];
            id: string;
            procedure: string;
            /** Format: date-time */
            publishedAt?: string;
            title: components["schemas"]["LocalText"];
            version: number;
            versionCount: number;
        };
        FormTexts: {
            description?: string;
            fields: {
                [key: string]: {
                    description?: string;
                    enumNames?: string[];
                    title: string;
                };
            };
            /** @description Step titles by the step ids of the uiSchema's "ui:steps" */
            steps?: {
                [key: string]: string;
            };
            submit: string;
            title: string;
        };
        FormVersion: {
            action: components["schemas"]["FormAction"];
            audience?: components["schemas"]["FormAudience"];
            id: string;
            note?: string;
            procedure: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
            restoredFrom?: number;
            /** @description JSON Schema draft-07 */
            schema: Record<string, unknown>;
            /** @enum {string} */
            source: "built-in" | "designer";
            texts: {
                de: components["schemas"]["FormTexts"];
                en: components["schemas"]["FormTexts"];
            };
            uiSchema: Record<string, unknown>;
            version: number;
        };
        FormVersionMeta: {
            note?: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
            restoredFrom?: number;
            /** @enum {string} */
            source: "built-in" | "designer";
            version: number;
        };
        HistoryEvent: {
            action: string;
            /** @description A staff account id, 'citizen' or 'system' */
            actor: string;
            actorName: string | null;
            /** Format: date-time */
            at: string;
            details: Record<string, unknown>;
            runId: string | null;
            workflowId: string | null;
        };
        LocalText: {
            de: string;
            en: string;
        };
        Offence: {
            code: string;
            title: components["schemas"]["LocalText"];
        };
        OutboxItem: {
            /** Format: date-time */
            createdAt: string;
            documentUrl: string;
            id: string;
            /** @description e.g. warning_letter */
            kind: string;
            recipientAddress?: string;
            recipientName: string;
            /** @enum {string} */
            status: "queued" | "dispatched" | "cancelled";
            ticketNumber: string;
        };
        Person: {
            displayName: string;
            id: string;
        };
        PortalAccess: {
            /** @description Bearer token for the /current routes */
            portalToken: string;
            ticket: components["schemas"]["CitizenTicket"];
        };
        RecordedTicket: {
            accessCode: string;
            amountCents: number;
            noticeCardUrl: string;
            /** Format: date-time */
            paymentDeadline: string;
            portalUrl: string;
            reference: string;
            status: components["schemas"]["TicketStatus"];
            ticketNumber: string;
        };
        SecondFactorEnrolment: {
            otpauthUri: string;
            /** @description PNG data URL of the otpauth URI */
            qrCode: string;
            /** @description Base32, for typing in */
            secret: string;
        };
        StaffCase: {
            caseNumber: string;
            documents: components["schemas"]["StaffCaseDocument"][];
            history: components["schemas"]["HistoryEvent"][];
            procedure: string;
        };
        StaffCaseDocument: {
            /** Format: date-time */
            createdAt: string;
            filename: string;
            id: string;
            kind: string;
            url: string;
        };
        /** @enum {string} */
        StaffRole: "warden" | "caseworker" | "station" | "designer" | "admin";
        StaffSession: {
            /** @description Send as X-CSRF-Token on every POST, PUT and DELETE. */
            csrfToken: string;
            departments: components["schemas"]["Department"][];
            displayName: string;
            id: string;
            leadOf: components["schemas"]["Department"][];
            /**
             * @description Until done, the session reaches only this step (403 password_change_required / second_factor_enrolment_required elsewhere)
             * @enum {string}
             */
            pendingStep?: "change-password" | "enrol-second-factor";
            roles: components["schemas"]["StaffRole"][];
            /** @description The account has a TOTP second factor */
            secondFactor: boolean;
        };
        StaffTicket: {
            amountCents: number;
            /**
             * Format: date-time
             * @description End of the hearing, once the letter is sent
             */
            letterDeadline?: string;
            /** Format: date-time */
            observedAt: string;
            offence: components["schemas"]["Offence"];
            paidCents: number;
            /** Format: date-time */
            paymentDeadline: string;
            place: string;
            plate: string;
            status: components["schemas"]["TicketStatus"];
            ticketNumber: string;
        };
        StaffTicketWithAudit: {
            amountCents: number;
            auditTrail: {
                action: string;
                actor: string;
                /** Format: date-time */
                at: string;
                details: Record<string, unknown>;
            }[];
            /**
             * Format: date-time
             * @description End of the hearing, once the letter is sent
             */
            letterDeadline?: string;
            /** Format: date-time */
            observedAt: string;
            offence: components["schemas"]["Offence"];
            paidCents: number;
            /** Format: date-time */
            paymentDeadline: string;
            place: string;
            plate: string;
            reference: string;
            status: components["schemas"]["TicketStatus"];
            ticketNumber: string;
        };
        StatusLinkReplaced: {
            statusToken: string;
            /** @description The new link; every earlier link of the case stopped working */
            statusUrl: string;
        };
        SubmissionAccepted: {
            caseNumber: string;
            formId: string;
            /** @description The version the submission was validated against */
            formVersion: number;
            /** @description Secret: opens the status page of this case */
            statusToken: string;
            /** @description ${PUBLIC_BASE_URL}/vorgang/{caseNumber}#{statusToken} (the token in the fragment: never sent to a server) */
            statusUrl: string;
        };
        TaskDecided: {
            /** @enum {string} */
            status: "completed";
            taskId: string;
        };
        TaskDetail: {
            assignee: components["schemas"]["Person"] | null;
            cancelReason: string | null;
            caseData: Record<string, unknown>;
            caseNumber: string;
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            decidedBy: components["schemas"]["Person"] | null;
            decision: Record<string, unknown> | null;
            /** @description JSON Schema draft-07 of the decision form */
            decisionSchema: Record<string, unknown>;
            decisionUiSchema: Record<string, unknown>;
            department: string;
            /** Format: date-time */
            dueAt: string;
            /** @description By outcome: the fields it requires and its label */
            outcomes: {
                [key: string]: {
                    label: components["schemas"]["LocalText"];
                    required: string[];
                };
            };
            overdue: boolean;
            procedure: string;
            /** @enum {string} */
            status: "open" | "completed" | "cancelled";
            taskId: string;
            title: components["schemas"]["LocalText"];
            type: string;
            workflowId: string;
        };
        TaskListItem: {
            assignee: components["schemas"]["Person"] | null;
            caseNumber: string;
            closedAt: string | null;
            department: string;
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
            procedure: string;
            /** @enum {string} */
            status: "open" | "completed" | "cancelled";
            taskId: string;
            title: components["schemas"]["LocalText"];
            type: string;
        };
        TaskPage: {
            items: components["schemas"]["TaskListItem"][];
            nextCursor: string | null;
            total: number;
        };
        TemporalPayloads: {
            payloads: {
                /** @description The payload bytes, base64 */
                data?: string;
                /** @description Metadata values, base64 */
                metadata?: {
                    [key: string]: string;
                };
            }[];
        };
        /** @enum {string} */
        TicketStatus: "registering" | "open" | "paid" | "letter_sent" | "withdrawn" | "holder_unknown" | "decision_pending" | "dropped" | "fine_notice_sent" | "fine_final" | "cost_notice_sent" | "cost_notice_final";
        WithdrawalRequested: {
            taskId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
