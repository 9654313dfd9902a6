# admin-audit
