var total = 0
debugger;
if (total == 2) { console.log("two") }
