package org.linli.iot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.CurrentUser;
import org.linli.iot.SecurityStaff;
import org.linli.iot.domain.AlarmService;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One alarm for staff: its facts and the handling record (处置记录) as a timeline, with photos. */
@Controller
class AlarmPagesController {

	private final SecurityStaff staff;

	private final AlarmService alarms;

	private final Problems problems;

	private final AuditApi audit;

	AlarmPagesController(SecurityStaff staff, AlarmService alarms, Problems problems, AuditApi audit) {
		this.staff = staff;
		this.alarms = alarms;
		this.problems = problems;
		this.audit = audit;
	}

	@GetMapping("/console/security/alarms/{id}")
	String alarm(@RequestParam UUID cid, @PathVariable UUID id, Model model) {
		this.staff.require(cid);
		model.addAttribute("cid", cid);
		model.addAttribute("alarm", this.alarms.find(cid, id));
		model.addAttribute("handlings", this.alarms.handlings(cid, id));
		model.addAttribute("maxPhotos", AlarmService.MAX_PHOTOS);
		if (!model.containsAttribute("note")) {
			model.addAttribute("note", "");
		}
		return "security/alarm";
	}

	@PostMapping("/console/security/alarms/{id}/handlings")
	String handle(@RequestParam UUID cid, @PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect, Model model,
			HttpServletRequest request) {
		CurrentUser user = this.staff.require(cid);
		try {
			this.alarms.record(cid, id, note, null, bytes(photos), user.getUsername());
		}
		catch (DomainException ex) {
			if (ex.status() == org.springframework.http.HttpStatus.BAD_REQUEST) {
				model.addAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
				model.addAttribute("note", note);
				RequestOutcome.rejected(request);
				return alarm(cid, id, model);
			}
			throw ex;
		}
		this.audit.record(new AuditRecord(user.getUsername(), "iot.alarm.handle", "alarm " + id,
				AuditRecord.Result.SUCCESS, request.getRemoteAddr(), photos == null ? null
						: "photos " + photos.stream().filter(f -> !f.isEmpty()).count()));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/console/security/alarms/" + id + "?cid=" + cid;
	}

	@GetMapping("/console/security/alarms/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@RequestParam UUID cid, @PathVariable UUID id, @PathVariable UUID photoId) {
		this.staff.require(cid);
		AlarmService.Photo photo = this.alarms.photo(cid, id, photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).body(photo.data());
	}

	private static List<byte[]> bytes(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(f -> {
			try {
				return f.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

}
