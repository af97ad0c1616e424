package org.linli.workorder;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Work orders through the pages: filing with photos, translated errors, and nobody else's orders in sight. */
@LinliIntegrationTest
class WorkOrderPagesIntegrationTests {

	/** The smallest valid PNG header, enough for the type check. */
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityApi identity;

	WorkOrderFixture f;

	@BeforeEach
	void compound() throws Exception {
		this.f = new WorkOrderFixture(this.mvc, this.identity);
	}

	@Test
	void aResidentFilesWithAPhotoAndOnlyTheyAndTheDeskSeeIt() throws Exception {
		MockHttpSession resa = session("resa");
		this.mvc.perform(get("/app/work-orders/new").session(resa))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("给排水维修")))
			.andExpect(content().string(containsString("1号楼 1-101")))
			.andExpect(content().string(not(containsString("1号楼 1-102"))));
		MvcResult filed = this.mvc.perform(multipart("/app/work-orders").file(photo("leak.png", PNG)).session(resa)
			.with(csrf()).param("category", "PLUMBING").param("level", "URGENT").param("place", "room:" + this.f.roomA)
			.param("description", "阳台地漏反水"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = filed.getResponse().getRedirectedUrl();
		assertThat(location).matches("/app/work-orders/[0-9a-f-]{36}\\?filed");
		String path = location.substring(0, location.indexOf('?'));
		String id = path.substring(path.lastIndexOf('/') + 1);
		String page = this.mvc.perform(get(path).session(resa))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("阳台地漏反水")))
			.andExpect(content().string(containsString("已提交")))
			.andExpect(content().string(containsString("加急")))
			.andExpect(content().string(containsString("data-deadline=")))
			.andReturn().getResponse().getContentAsString();
		String photo = page.replaceAll("(?s).*?(/work-order-photos/[0-9a-f-]{36}).*", "$1");
		this.mvc.perform(get(photo).session(resa))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));

		MockHttpSession resb = session("resb");
		this.mvc.perform(get(path).session(resb)).andExpect(status().isNotFound());
		this.mvc.perform(get(photo).session(resb)).andExpect(status().isNotFound());
		this.mvc.perform(get("/app/work-orders").session(resb))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(id.substring(0, 8).toUpperCase(java.util.Locale.ROOT)))));
		this.mvc.perform(post(path + "/confirm").session(resb).with(csrf()).param("rating", "1"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/console/work-orders/" + id).session(resb)).andExpect(status().isForbidden());

		MockHttpSession desk = session("desk");
		this.mvc.perform(get("/console/work-orders").param("cid", this.f.cid).session(desk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(id.substring(0, 8).toUpperCase(java.util.Locale.ROOT))));
		this.mvc.perform(post("/console/work-orders/" + id + "/acknowledge").session(desk).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/console/work-orders/" + id).session(desk))
			.andExpect(content().string(containsString("已保存")));
		this.mvc.perform(post("/console/work-orders/" + id + "/acknowledge").session(desk).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/console/work-orders/" + id).session(desk))
			.andExpect(content().string(containsString("已受理")))
			.andExpect(content().string(containsString("不能执行此操作")));
	}

	@Test
	void badInputIsShownBesideTheFormNothingIsFiled() throws Exception {
		MockHttpSession resa = session("resa");
		this.mvc.perform(multipart("/app/work-orders").file(photo("note.png", "<svg onload=alert(1)>".getBytes()))
			.session(resa).with(csrf()).param("category", "PLUMBING").param("place", "room:" + this.f.roomB)
			.param("description", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请描述问题")))
			.andExpect(content().string(containsString("只能为本人房屋报修")))
			.andExpect(content().string(containsString("只能上传 JPEG、PNG 或 WebP 格式的照片")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-orders", this.f.cid), this.f.token("desk")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.page.totalElements")
				.value(0));
	}

	@Test
	void theDeskFilesForAResidentOnThePageAndTheTechnicianWorksFromTheirList() throws Exception {
		MockHttpSession desk = session("desk");
		this.mvc.perform(get("/console/work-orders/new").param("cid", this.f.cid).session(desk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1号楼 1-102")));
		String location = this.mvc.perform(multipart("/console/work-orders").session(desk).with(csrf())
			.param("cid", this.f.cid).param("kind", "REPAIR").param("category", "DOOR_LOCK").param("level", "NORMAL")
			.param("roomId", this.f.roomB).param("contact", "来电 138****0002").param("description", "入户门锁打不开"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		this.mvc.perform(get(location).session(desk))
			.andExpect(content().string(containsString("代客报事")))
			.andExpect(content().string(containsString("入户门锁打不开")));
		this.mvc.perform(post(location + "/acknowledge").session(desk).with(csrf()));
		this.mvc.perform(post(location + "/assign").session(desk).with(csrf()).param("technicianId",
				this.f.tech2.toString()));
		MockHttpSession tech = session("tech2");
		this.mvc.perform(get("/console/work-orders/mine").session(tech))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(id.substring(0, 8).toUpperCase(java.util.Locale.ROOT))));
		this.mvc.perform(post(location + "/start").session(tech).with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(location + "/resolve").session(tech).with(csrf()).param("materials", "锁芯 1 个")
			.param("fee", "80.5"));
		this.mvc.perform(bearer(get("/api/v1/work-orders/{id}", id), this.f.token("desk")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
				.value("RESOLVED"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.feeFen")
				.value(8050));
		this.mvc.perform(get("/console/work-orders/figures").param("cid", this.f.cid).session(desk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("15 分钟响应率")))
			.andExpect(content().string(containsString("门窗锁具")));
		// the technician of another job sees neither the order nor its page
		this.mvc.perform(get(location).session(session("tech1"))).andExpect(status().isNotFound());
	}

	@Test
	void figuresCountTheFifteenMinuteResponseAndSatisfactionExactly() throws Exception {
		String desk = this.f.token("desk");
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "REPAIR", "category", "PLUMBING", "level", "NORMAL", "description", "漏水"))))
			.andReturn()).get("id").asString();
		for (String action : new String[] { "acknowledge", "assign", "start", "resolve" }) {
			this.mvc.perform(bearer(post("/api/v1/work-orders/{id}/" + action, id),
					action.equals("start") || action.equals("resolve") ? this.f.token("tech1") : desk)
				.contentType(MediaType.APPLICATION_JSON)
				.content(action.equals("assign") ? Api.json(Map.of("technicianId", this.f.tech1.toString())) : "{}"))
				.andExpect(status().isOk());
		}
		this.mvc.perform(bearer(post("/api/v1/work-orders/{id}/confirm", id), this.f.token("resa"))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("rating", 4)))).andExpect(status().isOk());
		Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/work-orders", this.f.cid),
				this.f.token("resa")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("kind", "COMPLAINT", "category", "NOISE", "level", "NORMAL", "description", "太吵"))))
			.andReturn());
		var figures = Api.body(this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-figures", this.f.cid),
				desk)).andExpect(status().isOk()).andReturn());
		var total = figures.get("total");
		assertThat(total.get("orders").asLong()).isEqualTo(2);
		assertThat(total.get("acknowledgedWithin15").asLong()).isEqualTo(1);
		assertThat(total.get("acknowledgedWithin15Share").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(total.get("resolvedWithinTargetShare").decimalValue()).isEqualByComparingTo("1");
		assertThat(total.get("satisfaction").decimalValue()).isEqualByComparingTo("1");
		assertThat(figures.get("byTechnician").get(0).get("key").asString()).isEqualTo(this.f.tech1.toString());
		assertThat(figures.get("byCategory")).hasSize(2);
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-figures", this.f.cid), desk).param("from",
				"2026-13")).andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("from"));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/work-order-figures", this.f.cid), this.f.token("resa")))
			.andExpect(status().isForbidden());
	}

	private MockHttpSession session(String who) throws Exception {
		return Pages.signIn(this.mvc, this.f.user(who), WorkOrderFixture.PASSWORD).session();
	}

	private static MockMultipartFile photo(String name, byte[] data) {
		return new MockMultipartFile("photos", name, "image/png", data);
	}

}
