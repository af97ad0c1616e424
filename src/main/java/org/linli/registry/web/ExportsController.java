package org.linli.registry.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.registry.domain.RegistryAccess;
import org.linli.registry.domain.importing.RegistryExport;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Rooms and vehicles of a compound as .xlsx for staff, masked for the reader's role; every export is audited. */
@Controller
@RequestMapping("/console/communities/{cid}/exports")
class ExportsController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final RegistryAccess access;

	private final RegistryExport exports;

	private final AuditApi audit;

	ExportsController(RegistryAccess access, RegistryExport exports, AuditApi audit) {
		this.access = access;
		this.exports = exports;
		this.audit = audit;
	}

	@GetMapping("/rooms.xlsx")
	ResponseEntity<byte[]> rooms(@PathVariable UUID cid, HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		return file(user, "rooms", this.exports.rooms(cid, user, LocaleContextHolder.getLocale()), request);
	}

	@GetMapping("/vehicles.xlsx")
	ResponseEntity<byte[]> vehicles(@PathVariable UUID cid, HttpServletRequest request) {
		CurrentUser user = this.access.requireRead(cid);
		return file(user, "vehicles", this.exports.vehicles(cid, user, LocaleContextHolder.getLocale()), request);
	}

	private ResponseEntity<byte[]> file(CurrentUser user, String what, byte[] workbook, HttpServletRequest request) {
		this.audit.record(new AuditRecord(user.getUsername(), "EXPORT " + what, request.getRequestURI(),
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), null));
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + what + ".xlsx\"")
			.contentType(XLSX)
			.body(workbook);
	}

}
