# access
