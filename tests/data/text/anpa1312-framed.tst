Q1234news
r a BC-US--Lighthouse-Keeper     06-02 0312
^BC-US--Lighthouse-Keeper,312<
^Last lighthouse keeper on the coast hands over the keys<
^Eds: Moves on general news services.<
^By ANNA WEST=
^Associated Press Writer=
	   PORT HALLOW, Maine (AP) _ After 41 years of climbing 112 steps every evening, the last lighthouse keeper on this stretch of coast handed over his keys on Saturday.
	   The light will be run automatically from now on.
	   ___
	   Reporter Sam Ide contributed to this story.
AP-WF-06-02-19 1815GMT<
