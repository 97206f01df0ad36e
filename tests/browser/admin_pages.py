"""What an editor does on the admin's pages, as steps a test reads like a person's: sign in, pick a record by
typing a few letters of it, give the reason and save."""

from playwright.sync_api import Page, expect


def log_in(page: Page, username: str, password: str) -> None:
    """Sign in through the login form that /admin/ sends a visitor to, and land on the admin's index."""
    page.goto("/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-form [type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def pick(page: Page, field_id: str, typed: str, choice: str) -> None:
    """Choose `choice` in the autocomplete of the select `field_id`, after typing `typed`."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-container--open .select2-results__option", has_text=choice).first.click()
    expect(page.locator(f"#{field_id} + .select2 .select2-selection__rendered")).to_contain_text(choice)


def save_with_reason(page: Page, reason: str, button: str = "_save") -> None:
    """Give the reason in the footer that stays in view under the form, and press one of its save buttons."""
    footer = page.locator(".save-with-reason")
    footer.locator("#id_change_reason").fill(reason)
    footer.locator(f"[name={button}]").click()


def success_message(page: Page):
    return page.locator("ul.messagelist li.success")
