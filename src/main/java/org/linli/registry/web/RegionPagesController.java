package org.linli.registry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.registry.domain.CommunityService;
import org.linli.registry.domain.RegionService;
import org.linli.registry.domain.RegionService.Region;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Problems;
import org.linli.shared.web.RequestOutcome;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regions above compounds (province to community) and where each compound sits; the platform admin's page. */
@Controller
@RequestMapping("/console/regions")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class RegionPagesController {

	/** A region with its depth in the tree, listed parent before children. */
	record TreeRow(Region region, int depth) {
	}

	private final RegionService regions;

	private final CommunityService communities;

	private final Problems problems;

	RegionPagesController(RegionService regions, CommunityService communities, Problems problems) {
		this.regions = regions;
		this.communities = communities;
		this.problems = problems;
	}

	@GetMapping
	String page(Model model) {
		List<Region> all = this.regions.all();
		model.addAttribute("tree", tree(all));
		model.addAttribute("levels", RegionService.Level.values());
		model.addAttribute("compoundRegions", all.stream()
			.filter(r -> r.level() == RegionService.Level.STREET || r.level() == RegionService.Level.COMMUNITY)
			.toList());
		model.addAttribute("regionNames", all.stream().collect(Collectors.toMap(r -> r.id(), Region::name)));
		model.addAttribute("communities", this.communities.summaries(null));
		model.addAttribute("placements", this.regions.placements());
		return "registry/regions";
	}

	@PostMapping
	String create(@RequestParam(required = false) UUID parentId, @RequestParam(defaultValue = "") String level,
			@RequestParam(required = false) String code, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect, HttpServletRequest request) {
		return run(redirect, request, () -> this.regions.create(parentId, level, code, name));
	}

	@PostMapping("/placements")
	String place(@RequestParam UUID communityId, @RequestParam(required = false) UUID regionId,
			RedirectAttributes redirect, HttpServletRequest request) {
		this.communities.summary(communityId);
		return run(redirect, request, () -> this.regions.place(communityId, regionId));
	}

	private String run(RedirectAttributes redirect, HttpServletRequest request, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("fieldErrors", this.problems.fieldErrors(ex, LocaleContextHolder.getLocale()));
			RequestOutcome.rejected(request);
		}
		return "redirect:/console/regions";
	}

	/** Depth-first, children by name, so each region sits under its parent. */
	static List<TreeRow> tree(List<Region> all) {
		Map<UUID, List<Region>> children = all.stream()
			.filter(r -> r.parentId() != null)
			.collect(Collectors.groupingBy(Region::parentId));
		List<TreeRow> rows = new ArrayList<>();
		all.stream().filter(r -> r.parentId() == null).sorted(Comparator.comparing(Region::name))
			.forEach(root -> add(root, 0, children, rows));
		return rows;
	}

	private static void add(Region region, int depth, Map<UUID, List<Region>> children, List<TreeRow> rows) {
		rows.add(new TreeRow(region, depth));
		children.getOrDefault(region.id(), List.of()).stream().sorted(Comparator.comparing(Region::name))
			.forEach(child -> add(child, depth + 1, children, rows));
	}

}
