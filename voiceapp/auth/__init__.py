"""Who is asking: staff users and roles, young people's sign-in, server-side sessions."""
