Q0042sports
r z BC-SOC--Standings     03-04 0120
^BC-SOC--Standings<
^Northern League Standings=
^By The Associated Press=
^TABLE=
^;P;W;D;L;Pts
Harbour Town;10;7;2;1;23
Mill End;10;6;2;2;20
	   ___=
^Fixtures=
	   Harbour Town at Mill End, 3 p.m.<
AP-WF-03-04-21 1900GMT<
