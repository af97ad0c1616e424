package org.linli.workorder.web;

import java.util.UUID;

import org.linli.workorder.domain.Photos;
import org.linli.workorder.domain.WorkOrderAccess;
import org.linli.workorder.domain.WorkOrders;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A work-order photo for the pages, to whoever may see its order; stored types only, never sniffed by browsers. */
@Controller
class PhotoController {

	private final WorkOrders orders;

	private final WorkOrderAccess access;

	PhotoController(WorkOrders orders, WorkOrderAccess access) {
		this.orders = orders;
		this.access = access;
	}

	@GetMapping("/work-order-photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		Photos.Photo photo = this.orders.photo(id, this.access.current());
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).body(photo.data());
	}

}
