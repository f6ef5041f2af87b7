"""The newsletter sign-up in a real browser with JavaScript off: a plain form post."""

from urllib.parse import parse_qs

ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans"


def test_the_newsletter_form_posts_without_javascript(sample_site, serve_folder, new_page):
    site = serve_folder(sample_site.output)
    page = new_page(java_script_enabled=False)
    posts = []

    def provider(route):
        posts.append((route.request.method, route.request.url, route.request.post_data))
        route.fulfill(status=200, content_type="text/html", body="<p>Thanks</p>")

    # Stand in for the newsletter provider: the request never leaves the machine.
    page.route("https://buttondown.com/**", provider)
    page.goto(site.page_url(ARTICLE + "/"))
    assert page.recorder.external() == [], "nothing is sent before the reader asks"
    # The bot trap takes no room on screen and no place in the tab order.
    trap = page.locator(".cta-trap").bounding_box()
    assert trap["width"] <= 1 and trap["height"] <= 1
    page.get_by_label("Your email address").fill("reader@example.com")
    page.locator("aside.cta button[type=submit]").click()
    page.wait_for_load_state()
    assert len(posts) == 1
    method, url, body = posts[0]
    assert method == "POST"
    assert url == "https://buttondown.com/api/emails/embed-subscribe/larderlane"
    fields = parse_qs(body, keep_blank_values=True)
    assert fields["email"] == ["reader@example.com"]
    assert fields["metadata__source"] == [ARTICLE]
    assert fields["website"] == [""]


def test_the_call_to_action_link_is_reachable_by_keyboard(sample_site, serve_folder, new_page):
    site = serve_folder(sample_site.output)
    page = new_page()
    page.goto(site.page_url("4-questions-to-ask-about-a-veg-box/"))
    link = page.locator("aside.cta a[data-cta=chat]")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/about/")
