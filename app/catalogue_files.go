package app

// exportTemplate is filled in by the template files part.
func (u *UI) exportTemplate(key string) {}
