/**
 * DICOM Upper Layer protocol data units and their codec (PS3.8 §9.3, Annex D; PS3.7 Annex D.3
 * for the User Information sub-items).
 *
 * <p>TODO(#2): written from PS3.8 without a side-by-side check against a named edition; check
 * the item tables against PS3.8 2025b and name the edition here.
 */
package org.lantir.dicom.net.pdu;
