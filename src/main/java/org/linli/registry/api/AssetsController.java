package org.linli.registry.api;

import java.util.UUID;

import org.linli.registry.domain.AssetService;
import org.linli.registry.domain.RegistryAccess;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.QrCodes;

import org.linli.shared.web.Paging;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Assets and facilities of a community, each with a QR label that opens its public scan page. */
@RestController
@RequestMapping("/api/v1/communities/{cid}/assets")
class AssetsController {

	record NewAsset(String type, String name, String buildingId, String location) {
	}

	private final AssetService assets;

	private final RegistryAccess access;

	AssetsController(AssetService assets, RegistryAccess access) {
		this.assets = assets;
		this.access = access;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AssetService.Asset register(@PathVariable UUID cid, @RequestBody NewAsset request) {
		this.access.requireWrite(cid);
		return this.assets.register(cid, request.type(), request.name(),
				request.buildingId() == null ? null : Ids.parse(request.buildingId()), request.location());
	}

	@GetMapping
	PagedModel<AssetService.Asset> list(@PathVariable UUID cid, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		this.access.requireRead(cid);
		PageRequest pageable = Paging.of(page, size);
		return new PagedModel<>(new PageImpl<>(this.assets.list(cid, pageable.getPageSize(), pageable.getOffset()),
				pageable, this.assets.count(cid)));
	}

	record StatusChange(String status, String note) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/{id}/status")
	java.util.List<AssetService.AssetEvent> changeStatus(@PathVariable UUID cid, @PathVariable UUID id,
			@RequestBody StatusChange request) {
		var user = this.access.requireWrite(cid);
		this.assets.changeStatus(cid, id, request.status(), request.note(), user.getUsername());
		return this.assets.history(cid, id);
	}

	@GetMapping("/{id}/history")
	java.util.List<AssetService.AssetEvent> history(@PathVariable UUID cid, @PathVariable UUID id) {
		this.access.requireRead(cid);
		this.assets.find(cid, id).orElseThrow(() -> DomainException.notFound("asset.notFound"));
		return this.assets.history(cid, id);
	}

	/** The label's QR code: the public scan page of the asset. */
	@GetMapping(value = "/{id}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> label(@PathVariable UUID cid, @PathVariable UUID id) {
		this.access.requireRead(cid);
		AssetService.Asset asset = this.assets.find(cid, id).orElseThrow(() -> DomainException.notFound("asset.notFound"));
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/assets/{code}")
			.buildAndExpand(asset.code()).toUriString();
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(url, 360));
	}

}
