"""Test data shared by the API and browser tests."""

# An article whose text carries markup that must never run in the dashboard.
HOSTILE_ID = "hostile-markup"
HOSTILE_TEXT = (
    "MINSK, Dec 21 (WDW) - Belarusian President Alexander Lukashenko accused Poland on Monday of "
    "stirring unrest <script>window.__pwned = 1; document.title = 'pwned';</script> along the border. "
    '<img src=x onerror="window.__pwned = 2"> "We will not let anyone meddle in our affairs," Lukashenko '
    "told officials in Minsk. Russian Foreign Minister Sergei Lavrov met Belarusian Foreign Minister "
    "Vladimir Makei in Moscow on Tuesday."
)
TOKEN = "test-token-0123456789"
