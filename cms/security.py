"""The content security policy, with the one exception Wagtail's editor needs.

The public site runs no inline script, so its policy allows scripts from this site only.
Wagtail's admin still starts some form widgets (choosers, date pickers) with small inline
scripts; its pages may run inline script, and keep the rest of the policy (no plugins, no
framing by other sites, forms post here only).
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and parts.replace is None:
            parts.replace = {"script-src": [SELF, UNSAFE_INLINE]}
        return parts
