/* hello: the smallest useful guest program (puts + printf + exit 0). */
#include <stdio.h>

int main(void)
{
    puts("Hello, world!");
    printf("Hello from %s, %d + %d = %d\n", "printf", 2, 3, 2 + 3);
    return 0;
}
