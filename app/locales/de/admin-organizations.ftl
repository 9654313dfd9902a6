# admin-organizations
